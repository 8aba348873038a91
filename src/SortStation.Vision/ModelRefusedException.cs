namespace SortStation.Vision;

/// <summary>A candidate model failed to load or failed its check; the current model is still in use.</summary>
public sealed class ModelRefusedException : Exception
{
    public ModelRefusedException()
    {
    }

    public ModelRefusedException(string message)
        : base(message)
    {
    }

    public ModelRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
