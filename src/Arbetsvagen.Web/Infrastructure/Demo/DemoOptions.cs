namespace Arbetsvagen.Infrastructure.Demo;

public sealed class DemoOptions
{
    public const string DefaultPassword = "Arbetsvagen-demo-2026";

    /// <summary>Seeds the demo region and demo users. Never with ASPNETCORE_ENVIRONMENT=Production.</summary>
    public bool Enabled { get; set; }
    public string Password { get; set; } = DefaultPassword;
    public int Participants { get; set; } = 300;
    public int IdleTimeoutMinutes { get; set; } = 20;
}
