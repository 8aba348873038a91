using SortStation.Central;

// Commands live in Commands/; this host only wires them up.
return await CentralCli.Create(TimeProvider.System).Parse(args).InvokeAsync();

/// <summary>The entry point's class, public so the console's tests can name it (WebApplicationFactory).</summary>
public partial class Program;
