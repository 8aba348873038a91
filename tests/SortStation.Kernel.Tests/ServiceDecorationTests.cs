using Microsoft.Extensions.DependencyInjection;
using SortStation.Kernel.Hosting;

namespace SortStation.Kernel.Tests;

/// <summary>A decorator is applied where its seam is registered, in place, and never silently to nothing.</summary>
public sealed class ServiceDecorationTests
{
    [Fact]
    public void Decorate_OneRegistration_ResolvesTheDecoratorAroundTheOriginal()
    {
        var services = new ServiceCollection().AddSingleton<IGreeter, Plain>();

        services.Decorate<IGreeter>((_, inner) => new Loud(inner));

        using var provider = services.BuildServiceProvider();
        Assert.Equal("HELLO", provider.GetRequiredService<IGreeter>().Greet());
    }

    [Fact]
    public void Decorate_KeepsPositionAndLifetime()
    {
        var services = new ServiceCollection().AddScoped<IGreeter, Plain>().AddSingleton<Plain>();

        services.Decorate<IGreeter>((_, inner) => new Loud(inner));

        Assert.Equal((typeof(IGreeter), ServiceLifetime.Scoped), (services[0].ServiceType, services[0].Lifetime));
        Assert.Equal(2, services.Count);
    }

    [Fact]
    public void Decorate_NothingRegistered_Throws()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.Decorate<IGreeter>((_, inner) => new Loud(inner)));
        Assert.Contains("IGreeter has 0 registrations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decorate_TwoRegistrations_Throws()
    {
        var services = new ServiceCollection().AddSingleton<IGreeter, Plain>().AddSingleton<IGreeter, Plain>();

        Assert.Throws<InvalidOperationException>(() => services.Decorate<IGreeter>((_, inner) => new Loud(inner)));
    }

    public interface IGreeter
    {
        string Greet();
    }

    private sealed class Plain : IGreeter
    {
        public string Greet() => "hello";
    }

    private sealed class Loud(IGreeter inner) : IGreeter
    {
        public string Greet() => inner.Greet().ToUpperInvariant();
    }
}
