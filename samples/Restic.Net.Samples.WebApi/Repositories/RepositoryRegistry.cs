using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// The repositories callers may name: those from configuration plus those created through
/// <c>POST /init</c> (kept in memory). Requests name a repository, or give its exact location;
/// an unregistered path is refused, so the API cannot be pointed at arbitrary folders.
/// </summary>
internal sealed partial class RepositoryRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredRepository> _repositories = new(StringComparer.Ordinal);

    public RepositoryRegistry(IOptions<ResticApiOptions> options)
    {
        foreach (var (name, registration) in options.Value.Repositories)
        {
            ValidateName(name);
            _repositories[name] = RegisteredRepository.From(name, registration);
        }
    }

    public IReadOnlyList<RegisteredRepository> All => [.. _repositories.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>Finds a repository by name or by its exact location.</summary>
    /// <exception cref="ApiProblemException">404 when nothing matches.</exception>
    public RegisteredRepository Resolve(string? nameOrLocation)
    {
        if (string.IsNullOrWhiteSpace(nameOrLocation))
        {
            throw ApiProblemException.Invalid("repository", "Name the repository: its registered name or its location.");
        }

        if (_repositories.TryGetValue(nameOrLocation, out var byName))
        {
            return byName;
        }

        if (TryParse(nameOrLocation) is { } location)
        {
            foreach (var repository in _repositories.Values)
            {
                if (repository.Location.Equals(location))
                {
                    return repository;
                }
            }
        }

        throw new ApiProblemException(
            StatusCodes.Status404NotFound,
            "Unknown repository",
            // A location may carry credentials (rest:https://user:secret@...): only a plain name is echoed.
            (NamePattern().IsMatch(nameOrLocation) ? $"No repository is registered as '{nameOrLocation}'." : "No repository is registered at that location.") +
            " Create it with POST /init or add it to the configuration (Restic:Repositories).");
    }

    /// <summary>Registers a new repository; a name that exists already is a conflict.</summary>
    public RegisteredRepository Add(string name, ResticRepository location)
    {
        ValidateName(name);
        var repository = new RegisteredRepository(name, location, PasswordFile: null, new Dictionary<string, string>());
        if (!_repositories.TryAdd(name, repository))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Repository exists", $"A repository named '{name}' is registered already.");
        }

        return repository;
    }

    public void Remove(string name) => _repositories.TryRemove(name, out _);

    private static ResticRepository? TryParse(string location)
    {
        try
        {
            return ResticRepository.Parse(location);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw ApiProblemException.Invalid("name", "A repository name is 1 to 64 characters: lower-case letters, digits, '-' and '_', starting with a letter or digit.");
        }
    }

    // Names end up in logs and URLs: keep them plain.
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
