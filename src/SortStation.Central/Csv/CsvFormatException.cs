namespace SortStation.Central.Csv;

/// <summary>The file cannot be read at all (no header, required column missing); single bad rows never throw.</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
