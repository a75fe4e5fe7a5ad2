using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// Writes a parsed school-situation file into one KAA unit's register: a new person is added, a changed one updated
/// and their KAA period derived again, an unchanged one left alone (so the same file twice changes nothing). The unit's
/// register is read once into memory, keyed by personnummer; the changes are written in chunks, each committed with
/// the import's progress, so a large file's progress can be followed (<c>GET /api/v1/kaa/imports/{id}</c>).
/// </summary>
public static class KaaImporter
{
    private const int Chunk = 5_000;
    private const int MaxReportLines = 2_000;

    public static async Task<KaaImport> ImportAsync(AppDbContext db, Organisation unit, Guid userId, string fileName, SchoolFile file, DateTime now,
        CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var today = SwedishTime.Today(now);
        var import = new KaaImport
        {
            Id = Guid.NewGuid(), OrganisationId = unit.Id, FileName = fileName, ByUserId = userId, StartedAt = now, Rows = file.Rows.Count,
            BadRows = file.Problems.Count,
        };
        db.KaaImports.Add(import);
        await db.SaveChangesAsync(ct);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var existing = await db.KaaYouth.Where(y => y.OwnerOrganisationId == unit.Id).ToDictionaryAsync(y => y.IdentityNumber, ct);
            var periods = await db.Set<KaaPeriod>().Where(p => db.Set<KaaYouth>().Any(y => y.Id == p.YouthId && y.OwnerOrganisationId == unit.Id)).ToListAsync(ct);
            // The periods were loaded in one query, not one per person; EF has put them into their records' Periods.
            _ = periods;

            var report = new List<string>();
            var seen = new HashSet<Guid>();
            foreach (var chunk in file.Rows.Chunk(Chunk))
            {
                foreach (var row in chunk)
                {
                    KaaChange change;
                    if (existing.TryGetValue(row.IdentityNumber, out var youth))
                    {
                        seen.Add(youth.Id);
                        if (!youth.DiffersFrom(row))
                        {
                            // The file says nothing new; the age limit may still have closed the period since the last import.
                            change = youth.Derive(today);
                            if (change == KaaChange.None)
                            {
                                import.Unchanged++;
                                continue;
                            }
                        }
                        else
                        {
                            var before = youth.SchoolStatus;
                            change = youth.ApplySchoolSituation(row, today, now);
                            import.Changed++;
                            Report(report, $"{youth.Name}: {EnumText.Label(before)} → {EnumText.Label(row.Status)}{ChangeText(change)}");
                        }
                    }
                    else
                    {
                        youth = KaaYouth.Create(unit.Id, unit.SecrecyBoundaryId, unit.MunicipalityCode ?? "", row.IdentityNumber, row.Born, row.Gender,
                            row.FirstName, row.LastName, now);
                        change = youth.ApplySchoolSituation(row, today, now);
                        db.KaaYouth.Add(youth);
                        existing[row.IdentityNumber] = youth;
                        seen.Add(youth.Id);
                        import.Added++;
                        Report(report, $"{youth.Name}: ny, {EnumText.Label(row.Status)}{ChangeText(change)}");
                    }

                    switch (change)
                    {
                        case KaaChange.Entered: import.Entered++; break;
                        case KaaChange.ReEntered: import.ReEntered++; break;
                        case KaaChange.Exited: import.Exited++; break;
                    }
                }

                import.Processed += chunk.Length;
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
            }

            import.NotInFile = existing.Values.Count(y => !seen.Contains(y.Id) && y.InKaa);
            import.FinishedAt = now + watch.Elapsed;
            import.Report = string.Join('\n', report) + (report.Count >= MaxReportLines ? $"\n… (de första {MaxReportLines} ändringarna visas)" : "");
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            return import;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static void Report(List<string> report, string line)
    {
        if (report.Count < MaxReportLines)
        {
            report.Add(line);
        }
    }

    private static string ChangeText(KaaChange change) => change switch
    {
        KaaChange.Entered => " – in i aktivitetsansvaret",
        KaaChange.ReEntered => " – in i aktivitetsansvaret igen",
        KaaChange.Exited => " – ut ur aktivitetsansvaret",
        _ => "",
    };
}
