using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Swedish alphabetical order (Å, Ä, Ö after Z; case and accents after the letters), the same in memory and in both
/// databases, for every list a person reads. In memory: <see cref="Comparer"/>. In the database every ordering by text
/// is compared with the collation <see cref="Name"/> (<see cref="Ordering"/> adds it to each query): on PostgreSQL an ICU
/// collation created by migration 0010, on SQLite this comparer, registered on each connection.
/// </summary>
public static class SwedishCollation
{
    /// <summary>The collation's name in both databases (a plain identifier: EF writes it unquoted on SQLite).</summary>
    public const string Name = "swedish";

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.None);

    /// <summary>Adds the collation to every OrderBy/ThenBy on a text key of a database query.</summary>
    public static readonly IInterceptor Ordering = new OrderingInterceptor();

    /// <summary>Registers the comparer as the collation on each SQLite connection EF creates.</summary>
    public static readonly IInterceptor SqliteConnections = new SqliteConnectionInterceptor();

    private sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
    {
        // Microsoft.Data.Sqlite keeps the collation with the connection object and registers it again on every open.
        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            ((Microsoft.Data.Sqlite.SqliteConnection)result).CreateCollation(Name, Comparer.Compare);
            return result;
        }
    }

    /// <summary>
    /// Rewrites <c>OrderBy(x => x.Name)</c> into <c>OrderBy(x => EF.Functions.Collate(x.Name, "swedish"))</c> before EF
    /// compiles the query, so no list can forget it. Orderings by dates, numbers, ids and enums are left as they are.
    /// </summary>
    private sealed class OrderingInterceptor : IQueryExpressionInterceptor
    {
        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
            new CollatingVisitor().Visit(queryExpression);
    }

    private sealed class CollatingVisitor : ExpressionVisitor
    {
        private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
            .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

        private static readonly HashSet<string> Orderings =
            [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            if (visited.Method.DeclaringType != typeof(Queryable) || !Orderings.Contains(visited.Method.Name) || visited.Arguments.Count != 2
                || StripQuotes(visited.Arguments[1]) is not LambdaExpression { ReturnType: var type } key || type != typeof(string)
                || key.Body is MethodCallExpression { Method.Name: nameof(RelationalDbFunctionsExtensions.Collate) })
            {
                return visited;
            }

            var collated = Expression.Lambda(
                Expression.Call(Collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(Name)), key.Parameters);
            return visited.Update(visited.Object, [visited.Arguments[0], Expression.Quote(collated)]);
        }

        private static Expression StripQuotes(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } q ? q.Operand : e;
    }
}
