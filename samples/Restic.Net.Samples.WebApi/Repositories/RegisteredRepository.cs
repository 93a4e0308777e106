using Restic.Net.Samples.WebApi.Configuration;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>A repository the API may operate on, and where its password may come from.</summary>
internal sealed record RegisteredRepository(string Name, ResticRepository Location, string? PasswordFile, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The token <c>POST /init</c> issued (protected), kept so that the server can check the repository's health.</summary>
    public string? PasswordToken { get; init; }

    public static RegisteredRepository From(string name, RepositoryRegistration registration) =>
        new(name, ResticRepository.Parse(registration.Location), registration.PasswordFile, new Dictionary<string, string>(registration.Environment, StringComparer.Ordinal));
}
