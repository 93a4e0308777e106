namespace Restic.Net.Serialization;

/// <summary>restic's <c>message_type</c> values, so that classifying a line allocates no string.</summary>
internal static class MessageTypes
{
    public const string Status = "status";
    public const string VerboseStatus = "verbose_status";
    public const string Summary = "summary";
    public const string Error = "error";
    public const string ExitError = "exit_error";
    public const string Initialized = "initialized";
    public const string Version = "version";

    public static readonly string[] All = [Status, VerboseStatus, Summary, Error, ExitError, Initialized, Version];
}
