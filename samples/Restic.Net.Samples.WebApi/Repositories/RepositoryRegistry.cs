using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// The repositories the API knows by name: those in configuration (<c>Restic:Repositories</c>) and
/// those created with <c>POST /init</c>, which live in the state database and survive restarts.
/// A registered location may carry credentials, so the database holds it protected.
/// </summary>
internal sealed partial class RepositoryRegistry
{
    private readonly Dictionary<string, RegisteredRepository> _configured = new(StringComparer.Ordinal);
    private readonly StateDatabase _database;
    private readonly IDataProtector _locations;
    private readonly TimeProvider _time;

    public RepositoryRegistry(IOptions<ResticApiOptions> options, StateDatabase database, IDataProtectionProvider protection, TimeProvider time)
    {
        foreach (var (name, registration) in options.Value.Repositories)
        {
            ValidateName(name);
            _configured[name] = RegisteredRepository.From(name, registration);
        }

        _database = database;
        _locations = protection.CreateProtector("Restic.Net.Samples.WebApi.RepositoryLocation.v1");
        _time = time;
    }

    public async Task<IReadOnlyList<RegisteredRepository>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.Open();
        var stored = await db.Repositories.AsNoTracking().ToListAsync(cancellationToken);
        return [.. _configured.Values.Concat(stored.Select(ToRegistered).OfType<RegisteredRepository>()).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    public async Task<RegisteredRepository> ResolveAsync(string? nameOrLocation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(nameOrLocation))
        {
            throw ApiProblemException.Invalid("repository", "Name the repository: its registered name or its location.");
        }

        if (_configured.TryGetValue(nameOrLocation, out var configured))
        {
            return configured;
        }

        await using (var db = _database.Open())
        {
            if (NamePattern().IsMatch(nameOrLocation)
                && await db.Repositories.AsNoTracking().FirstOrDefaultAsync(r => r.Name == nameOrLocation, cancellationToken) is { } stored
                && ToRegistered(stored) is { } byName)
            {
                return byName;
            }
        }

        if (TryParse(nameOrLocation) is { } location)
        {
            foreach (var repository in await AllAsync(cancellationToken))
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

    /// <summary>Registers a repository (before restic creates it); a 409 if the name is taken.</summary>
    /// <param name="name">The name.</param>
    /// <param name="locationText">The location as the caller gave it (what <see cref="ResticRepository.Parse"/> read).</param>
    /// <param name="createdBy">The caller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<RegisteredRepository> AddAsync(string name, string locationText, string createdBy, CancellationToken cancellationToken)
    {
        var location = ResticRepository.Parse(locationText);
        ValidateName(name);
        var conflict = new ApiProblemException(StatusCodes.Status409Conflict, "Repository exists", $"A repository named '{name}' is registered already.");
        if (_configured.ContainsKey(name))
        {
            throw conflict;
        }

        await using var db = _database.Open();
        db.Repositories.Add(new RepositoryEntity
        {
            Name = name,
            ProtectedLocation = _locations.Protect(locationText),
            DisplayLocation = location.RedactedLocation,
            CreatedAt = _time.GetUtcNow(),
            CreatedBy = createdBy,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The primary key: another request (or instance) registered the name first.
            throw conflict;
        }

        return new RegisteredRepository(name, location, PasswordFile: null, new Dictionary<string, string>());
    }

    /// <summary>Keeps the token <c>POST /init</c> handed out (protected) with the registration.</summary>
    public async Task SetPasswordTokenAsync(string name, string token, CancellationToken cancellationToken)
    {
        await using var db = _database.Open();
        await db.Repositories.Where(r => r.Name == name).ExecuteUpdateAsync(r => r.SetProperty(e => e.PasswordToken, token), cancellationToken);
    }

    public async Task RemoveAsync(string name)
    {
        await using var db = _database.Open();
        await db.Repositories.Where(r => r.Name == name).ExecuteDeleteAsync();
    }

    private RegisteredRepository? ToRegistered(RepositoryEntity stored)
    {
        try
        {
            return new RegisteredRepository(stored.Name, ResticRepository.Parse(_locations.Unprotect(stored.ProtectedLocation)), PasswordFile: null, new Dictionary<string, string>())
            {
                PasswordToken = stored.PasswordToken.Length == 0 ? null : stored.PasswordToken,
            };
        }
        catch (CryptographicException)
        {
            // Registered under another Data Protection key ring: unusable here, like its tokens.
            return null;
        }
    }

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
