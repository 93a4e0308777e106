using Microsoft.Extensions.Options;
using Restic.Net.Repository;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// Creates the <see cref="IResticClient"/> for one request: the registered repository plus the
/// password from, in order, the <c>X-Restic-Password-Token</c> header or <c>password_token</c> body
/// field, the <c>X-Restic-Password</c> header or <c>password</c> body field, or the configured
/// password file. A password in the query string is refused: query strings end up in access logs.
/// The client of a request is disposed when the response completes, unless a job took it over
/// (<see cref="TakeOver"/>): then the job disposes it when it ends.
/// </summary>
internal sealed class RepositoryClientFactory(
    RepositoryRegistry registry,
    PasswordTokenProtector tokens,
    IOptions<ResticApiOptions> options,
    ILoggerFactory loggerFactory)
{
    public const string PasswordHeader = "X-Restic-Password";
    public const string PasswordTokenHeader = "X-Restic-Password-Token";

    private static readonly string[] s_secretQueryKeys = ["password", "password_token", "token", "restic_password"];

    public async Task<(RegisteredRepository Repository, IResticClient Client)> CreateAsync(HttpContext context, string? repository, IPasswordSource? body = null)
    {
        RefuseSecretsInQuery(context);
        var registered = await registry.ResolveAsync(repository, context.RequestAborted);
        context.Items[Auditing.AuditMiddleware.RepositoryItem] = registered.Name;
        var password = ResolvePassword(context, registered, body).Password;
        var client = CreateClient(registered, password);
        var lease = new RequestClient(client);
        context.Items[typeof(RequestClient)] = lease;
        context.Response.RegisterForDisposeAsync(lease);
        return (registered, client);
    }

    /// <summary>The repository and password of a read request, for <see cref="ReadClientCache"/>: no client is made.</summary>
    public async Task<(RegisteredRepository Repository, ResolvedPassword Password)> ResolveAsync(HttpContext context, string? repository)
    {
        RefuseSecretsInQuery(context);
        var registered = await registry.ResolveAsync(repository, context.RequestAborted);
        context.Items[Auditing.AuditMiddleware.RepositoryItem] = registered.Name;
        return (registered, ResolvePassword(context, registered, body: null));
    }

    /// <summary>
    /// The password the server itself holds for a repository (its configured password file, or the token <c>POST /init</c>
    /// issued), or null: what the health check and the console read with, since neither gets a password per request.
    /// </summary>
    public ResolvedPassword? StoredPassword(RegisteredRepository repository) =>
        repository.PasswordFile is { Length: > 0 } file ? new(ResticPassword.FromFile(file), "file:" + file)
        : repository.PasswordToken is { } token && tokens.Unprotect(repository.Name, token) is { } value ? new(ResticPassword.FromValue(value), "value:" + value)
        : null;

    /// <summary>Hands the request's client to a job that outlives the request: dispose what this returns when the job ends.</summary>
    public static IAsyncDisposable TakeOver(HttpContext context)
    {
        var lease = (RequestClient)context.Items[typeof(RequestClient)]!;
        lease.TakenOver = true;
        return lease.Client;
    }

    /// <summary>
    /// A client for one use, or for <see cref="ReadClientCache"/> with native reads: dispose it (the caller owns it).
    /// <paramref name="lockWait"/> is how long its commands wait for a lock someone else holds (zero: fail at once).
    /// </summary>
    public ResticClient CreateClient(RegisteredRepository repository, ResticPassword password, bool nativeReads = false, TimeSpan lockWait = default)
    {
        var settings = options.Value;
        var clientOptions = new ResticClientOptions
        {
            Repository = repository.Location,
            Password = password,
            BinaryPath = settings.BinaryPath,
            CacheDirectory = settings.CacheDirectory,
            ProgressInterval = settings.ProgressInterval,
            LockWaitTimeout = lockWait,
        };
        foreach (var (name, value) in repository.Environment)
        {
            clientOptions.EnvironmentVariables[name] = value;
        }

        if (nativeReads)
        {
            clientOptions.UseNativeReads(); // snapshots and listings from the repository itself; restic for the rest
        }

        return new ResticClient(clientOptions, loggerFactory);
    }

    public static void RefuseSecretsInQuery(HttpContext context)
    {
        foreach (var key in s_secretQueryKeys)
        {
            if (context.Request.Query.ContainsKey(key))
            {
                throw ApiProblemException.Invalid(key, $"Passwords are never accepted in the query string. Send the {PasswordTokenHeader} header (or {PasswordHeader}), or the password_token body field.");
            }
        }
    }

    private ResolvedPassword ResolvePassword(HttpContext context, RegisteredRepository repository, IPasswordSource? body)
    {
        var token = Header(context, PasswordTokenHeader) ?? body?.PasswordToken;
        if (!string.IsNullOrEmpty(token))
        {
            var password = tokens.Unprotect(repository.Name, token)
                ?? throw ApiProblemException.Invalid("password_token", $"The password token is not valid for repository '{repository.Name}': it was issued for another repository or by a server with other Data Protection keys.");
            return new(ResticPassword.FromValue(password), "value:" + password);
        }

        var clear = Header(context, PasswordHeader) ?? body?.Password;
        if (!string.IsNullOrEmpty(clear))
        {
            return new(ResticPassword.FromValue(clear), "value:" + clear);
        }

        if (repository.PasswordFile is { Length: > 0 } file)
        {
            return new(ResticPassword.FromFile(file), "file:" + file);
        }

        throw ApiProblemException.Invalid("password_token", $"Repository '{repository.Name}' needs its password: send the {PasswordTokenHeader} header with the token from POST /init, or the {PasswordHeader} header.");
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>Disposes a request's client when the response completes, unless a job took it over.</summary>
    private sealed class RequestClient(ResticClient client) : IAsyncDisposable
    {
        public ResticClient Client => client;

        public bool TakenOver { get; set; }

        public ValueTask DisposeAsync() => TakenOver ? ValueTask.CompletedTask : client.DisposeAsync();
    }
}
