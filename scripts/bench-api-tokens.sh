#!/usr/bin/env bash
# API bearer authentication: a personal API token (avp_…, looked up by hash, remembered 30 s; ADR 0028) against a
# token from POST /api/v1/auth/token (self-contained, data protection) in the same run: N sequential GET /api/v1/me
# per kind over one keep-alive connection, twice each, alternating. Starts the demo on SQLite in a temporary folder.
#
#   scripts/bench-api-tokens.sh [requests per round, default 3000] [port, default 5093]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N="${1:-3000}"
PORT="${2:-5093}"
WORK=$(mktemp -d /tmp/arbetsvagen-bench-tokens.XXXXXX)
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release "$ROOT/src/Arbetsvagen.Web" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
cd "$ROOT/src/Arbetsvagen.Web"
ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$WORK/a.db" \
  DataProtection__KeysPath="$WORK/keys" Demo__Enabled=true RateLimits__SignIn__PermitLimit=100000 Logging__LogLevel__Default=Warning \
  dotnet bin/Release/net10.0/Arbetsvagen.Web.dll --urls "http://localhost:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null -w "%{http_code}" "http://localhost:$PORT/Account/Login" 2>/dev/null | grep -q 200 && break
  sleep 3
done

python3 - "$WORK/a.db" "$PORT" "$N" <<'PY'
import http.client, json, time, statistics, sqlite3, hashlib, secrets, uuid, datetime, sys
database, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = http.client.HTTPConnection('localhost', port)
def req(method, path, body=None, token=None):
    h = {'Content-Type': 'application/json'}
    if token: h['Authorization'] = 'Bearer ' + token
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse(); return r.status, r.read()
s, d = req('POST', '/api/v1/auth/token', {'userName': 'soc.vaxholm', 'password': 'Arbetsvagen-demo-2026'})
assert s == 200, (s, d)
identity = json.loads(d)['accessToken']
me = json.loads(req('GET', '/api/v1/me', token=identity)[1])
# A personal token stored as the page stores it: only its SHA-256.
secret = 'avp_' + secrets.token_urlsafe(32)
now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
fmt = lambda t: t.strftime('%Y-%m-%d %H:%M:%S.%f')
db = sqlite3.connect(database)
db.execute('INSERT INTO PersonalApiTokens (Id, UserId, Name, TokenHash, CreatedAt, ExpiresAt) VALUES (?, ?, ?, ?, ?, ?)',
           (str(uuid.uuid4()).upper(), me['id'].upper(), 'bench', hashlib.sha256(secret.encode()).hexdigest().upper(), fmt(now),
            fmt(now + datetime.timedelta(days=1))))
db.commit()
def run(token, count):
    times = []
    for _ in range(count):
        t = time.perf_counter(); s, _ = req('GET', '/api/v1/me', token=token); times.append((time.perf_counter() - t) * 1000); assert s == 200, s
    times.sort(); return statistics.mean(times), times[int(len(times) * .95)]
run(identity, 200); run(secret, 200)  # warm-up
for label, token in [('token from /auth/token', identity), ('personal token (avp_)', secret)] * 2:
    mean, p95 = run(token, n)
    print(f'{label:24s} n={n} mean={mean:.2f} ms p95={p95:.2f} ms')
PY
