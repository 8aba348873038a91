namespace SortStation.Central.Web.Settings;

/// <summary>The console's own preferences.</summary>
public static class ConsolePreferences
{
    public const string Section = "console";

    /// <summary>
    /// The language of everyone who has not chosen one in the page header: <c>browser</c> leaves it to the browser's
    /// Accept-Language (then Web:DefaultLanguage); <c>en</c> or <c>id</c> overrides the browser, since many
    /// Indonesian offices run browsers set to English.
    /// </summary>
    public static PreferenceDefinition Language { get; } = new(Section, "language", ["browser", "en", "id"], "browser");

    /// <summary>The dashboard's period when it is opened without one (the API's default stays <c>today</c>).</summary>
    public static PreferenceDefinition DashboardPeriod { get; } = new(Section, "dashboardPeriod", ["today", "7d", "30d"], "today");

    public static IReadOnlyList<PreferenceDefinition> All { get; } = [Language, DashboardPeriod];
}
