using Arbetsvagen.BrowserTests.Infrastructure;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(LongestChainFirst))]

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>
/// The test classes run two at a time on the one shared server (xunit runs collections in parallel, one thread per core).
/// These classes send referrals to Täby's job centre, and two of their tests read that unit's notifications (the unread
/// count, the newest notice), which every referral to the unit changes: they share this collection, so they run one
/// after the other and never see each other's referrals arrive mid-test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TabyJobCentreNotifications
{
    public const string Name = "Täby job centre's notifications";
}

/// <summary>
/// Starts <see cref="TabyJobCentreNotifications"/>, the longest chain of tests that must run one after the other, first,
/// so the other classes fill the second thread beside it instead of leaving it to run alone at the end (which xunit's
/// random order sometimes did); the other collections keep xunit's random order.
/// </summary>
public sealed class LongestChainFirst : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection
    {
        var rest = DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);
        return [.. rest.Where(c => c.TestCollectionDisplayName == TabyJobCentreNotifications.Name), .. rest.Where(c => c.TestCollectionDisplayName != TabyJobCentreNotifications.Name)];
    }
}
