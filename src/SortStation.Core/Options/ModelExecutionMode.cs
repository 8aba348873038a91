namespace SortStation.Core.Options;

/// <summary><c>Model:ExecutionMode</c>: ONNX Runtime's execution mode (Core holds no ONNX Runtime type).</summary>
public enum ModelExecutionMode
{
    Sequential,
    Parallel,
}
