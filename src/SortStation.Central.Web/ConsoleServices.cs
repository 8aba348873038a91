using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Options;
using SortStation.Central.Web.Security;
using SortStation.Central.Web.Settings;
using SortStation.Kernel.Options;

namespace SortStation.Central.Web;

/// <summary>The console's registrations, beside <c>AddSortStationCentral</c> in the central host.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddCentralConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebOptions, WebOptionsValidator>(configuration, WebOptions.Section);
        services.AddSingleton<ConsoleClock>();
        services.AddSingleton<StationOverview>();
        services.AddSingleton<SetupGate>();
        services.AddSingleton<AntiforgeryForCookies>();
        services.AddConsoleAuth();
        services.AddConsoleSettings();
        // Session cookies survive a restart only if the keys that sign them do: kept in the state directory.
        var keys = configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.KeysDirectory;
        services.AddDataProtection().SetApplicationName("sortstation-central").PersistKeysToFileSystem(KeyDirectory.Create(string.IsNullOrWhiteSpace(keys) ? "data/console-keys" : keys));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Setup");
            o.Conventions.AllowAnonymousToPage("/Language");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddApplicationPart(typeof(ConsoleServices).Assembly);
        services.Configure<RazorPagesOptions>(o => o.RootDirectory = "/Pages");
        return services;
    }
}
