using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SortStation.Kernel.Options;

/// <summary>
/// What the configuration binder makes of a type, as a tree of keys: a single value, a map (any key),
/// a list (keys 0, 1, …), an object (its bindable properties) or free-form. Mirrors
/// <c>ConfigurationBinder</c>: a property is bound when it has a public getter and either a public setter
/// or a type the binder fills in place (object, map, list).
/// </summary>
internal static class ConfigShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Cache = new();

    public enum Kind
    {
        Value,
        Map,
        List,
        Object,
        FreeForm,
    }

    /// <summary>The kind of <paramref name="type"/>; <paramref name="element"/> is the value type of a map or list.</summary>
    public static Kind Of(Type type, out Type? element)
    {
        element = null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || typeof(IConfiguration).IsAssignableFrom(type))
        {
            return Kind.FreeForm;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(byte[])
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)))
        {
            return Kind.Value;
        }

        if ((Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>))) is { } map)
        {
            element = map.GetGenericArguments()[1];
            return Kind.Map;
        }

        if (type.IsArray)
        {
            element = type.GetElementType();
            return Kind.List;
        }

        if (Generic(type, typeof(IEnumerable<>)) is { } list)
        {
            element = list.GetGenericArguments()[0];
            return Kind.List;
        }

        return Kind.Object;
    }

    /// <summary>The keys an object type binds, case-insensitively, to their properties.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Properties(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var keys = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            // A get-only value (a computed property) is never bound; a get-only object or collection is filled in place.
            if (property.SetMethod is not { IsPublic: true } && Of(property.PropertyType, out _) == Kind.Value)
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            keys.TryAdd(name, property);
        }

        return keys;
    });

    private static Type? Generic(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type;
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
    }
}
