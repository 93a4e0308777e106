namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>The password fields a request body may carry (never the query string).</summary>
internal interface IPasswordSource
{
    /// <summary>The repository password in clear; prefer <see cref="PasswordToken"/>.</summary>
    string? Password { get; }

    /// <summary>The token <c>POST /init</c> returned.</summary>
    string? PasswordToken { get; }
}
