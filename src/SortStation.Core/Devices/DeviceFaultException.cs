namespace SortStation.Core.Devices;

/// <summary>A device could not deliver (camera read failed, scale overload or timeout).</summary>
public sealed class DeviceFaultException : Exception
{
    public DeviceFaultException()
    {
    }

    public DeviceFaultException(string message)
        : base(message)
    {
    }

    public DeviceFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
