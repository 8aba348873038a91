using Microsoft.Extensions.DependencyInjection;

namespace SortStation.Kernel.Hosting;

/// <summary>
/// Decorates a seam where it is registered: the one registration of the service is replaced in place (same position,
/// same lifetime) by the decorator around what it made. Hand-rolled rather than Scrutor: one decorator, no assembly
/// scanning, and nothing more to ship to the Pi.
/// </summary>
public static class ServiceDecoration
{
    /// <exception cref="InvalidOperationException">No registration, or several, of <typeparamref name="TService"/>: a decorator that silently wraps nothing (or one of two) is the surprise this avoids.</exception>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var registered = services.Where(d => d.ServiceType == typeof(TService) && !d.IsKeyedService).ToList();
        if (registered.Count != 1)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} has {registered.Count} registrations; a decorator needs exactly one (register the seam before decorating it).");
        }

        var inner = registered[0];
        services[services.IndexOf(inner)] = ServiceDescriptor.Describe(typeof(TService), sp => decorate(sp, Create<TService>(sp, inner)), inner.Lifetime);
        return services;
    }

    private static TService Create<TService>(IServiceProvider sp, ServiceDescriptor d) =>
        (TService)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
