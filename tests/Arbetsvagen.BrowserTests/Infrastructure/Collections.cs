using Xunit;

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
