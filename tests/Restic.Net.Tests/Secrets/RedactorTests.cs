using Restic.Net.Execution;
using Restic.Net.Secrets;

namespace Restic.Net.Tests.Secrets;

public class RedactorTests
{
    [Theory]
    [InlineData("rest:http://alice:s3cret@127.0.0.1:8000/repo", "rest:http://alice:***@127.0.0.1:8000/repo")]
    [InlineData("s3:https://key:secret@host/bucket", "s3:https://key:***@host/bucket")]
    [InlineData("sftp://user@host:2222//srv/repo", "sftp://user@host:2222//srv/repo")]
    [InlineData("open rest:http://a:b@h/ and rest:http://c:d@h/", "open rest:http://a:***@h/ and rest:http://c:***@h/")]
    [InlineData("/plain/path", "/plain/path")]
    [InlineData("rest:http://user:pa/ss@host:8000/repo/", "rest:http://user:***@host:8000/repo/")] // unencoded '/'
    [InlineData("rest:http://user:pa@ss@host:8000/repo/", "rest:http://user:***@host:8000/repo/")] // unencoded '@'
    [InlineData("Fatal: unable to open repository at rest:http://user:p/a@s:s@host:8000/r/: Head \"http://user:***@host:8000/r/config\"", "Fatal: unable to open repository at rest:http://user:***@host:8000/r/: Head \"http://user:***@host:8000/r/config\"")]
    [InlineData("rest:http://u:***@h/", "rest:http://u:***@h/")]
    public void RedactUrlCredentials_MasksPasswordsOnly(string input, string expected)
    {
        Assert.Equal(expected, Redactor.RedactUrlCredentials(input));
    }

    [Fact]
    public void Redact_KnownSecrets_AreMaskedAnywhere()
    {
        var redactor = new Redactor(["hunter2", null, ""]);
        Assert.Equal("password *** was wrong; ***!", redactor.Redact("password hunter2 was wrong; hunter2!"));
    }

    [Fact]
    public void Redact_AShortSecret_IsMaskedAsAWholeTokenOnly()
    {
        // A one-character URL password must not turn "open config file" into "***pen c***nfig file".
        var redactor = new Redactor(["o", "ab12"]);

        Assert.Equal("Fatal: unable to open config file: *** and *** but not abc12 or ab123", redactor.Redact("Fatal: unable to open config file: o and ab12 but not abc12 or ab123"));
        Assert.Equal("rest:http://u:***@h:8000/snapshots", redactor.Redact("rest:http://u:o@h:8000/snapshots"));
    }

    [Fact]
    public void FormatCommandLine_MasksOptionValuesAndSecrets()
    {
        var redactor = new Redactor(["topsecret"]);
        var line = redactor.FormatCommandLine("/usr/bin/restic", ["snapshots", "-o", "s3.secret=topsecret", "--option=s3.key=abc", "--tag=topsecret", "--path=/with space"]);
        Assert.Equal("restic snapshots -o s3.secret=*** --option=s3.key=*** --tag=*** \"--path=/with space\"", line);
    }

    [Fact]
    public void ToString_OfPasswordsAndRepositories_IsRedacted()
    {
        Assert.Equal("ResticPassword(value: ***)", ResticPassword.FromValue("p4ss").ToString());
        Assert.Equal("ResticPassword(command: ***)", ResticPassword.FromCommand("get-secret --token abc").ToString());
        Assert.Equal("rest:http://u:***@h:8000/", ResticRepository.Parse("rest:http://u:p4ss@h:8000/").ToString());
        var options = new ResticClientOptions { Password = ResticPassword.FromValue("p4ss"), Repository = ResticRepository.Parse("rest:http://u:p4ss@h/") };
        Assert.DoesNotContain("p4ss", options.Password.ToString());
        Assert.DoesNotContain("p4ss", options.Repository.ToString());
        Assert.DoesNotContain("p4ss", new GenericRepository("rest:http://u:p4ss@h/").ToString());
    }

    [Fact]
    public void Secrets_OnlyCredentialLikeVariables_AreMasked()
    {
        var options = new ResticClientOptions { Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("pw-value") };
        options.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = "aws-secret-value";
        options.EnvironmentVariables["TMPDIR"] = "/var/tmp";
        var redactor = new ResticSettings(options).Redactor;

        Assert.Equal("*** *** /var/tmp", redactor.Redact("pw-value aws-secret-value /var/tmp"));
    }
}
