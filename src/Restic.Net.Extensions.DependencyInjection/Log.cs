using Microsoft.Extensions.Logging;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>The log messages of the dependency injection package (documented in docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "ClientCreated", Level = LogLevel.Debug,
        Message = "Created the restic client '{Name}' for {Repository}")]
    public static partial void ClientCreated(ILogger logger, string name, string repository);
}
