using Microsoft.Extensions.Localization;

namespace SortStation.Central.Web.Localization;

/// <summary>Names that come from the stations (labels, bins, reasons): translated when the resources know them, else shown as sent.</summary>
public static class LocalizerExtensions
{
    public static string Or(this IStringLocalizer localizer, string key, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    public static string LabelName(this IStringLocalizer localizer, string label) => localizer.Or("Label." + label, label);

    public static string BinName(this IStringLocalizer localizer, string bin) => localizer.Or("Bin." + bin, bin);

    public static string ReasonName(this IStringLocalizer localizer, string reason) => localizer.Or("Reason." + reason, reason);

    public static string ClusterName(this IStringLocalizer localizer, string label) => localizer.Or("Cluster." + label, label);

    public static string StatusName(this IStringLocalizer localizer, string status) => localizer.Or("Status." + status, status);
}
