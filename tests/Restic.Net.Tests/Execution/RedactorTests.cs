using Restic.Net.Execution;

namespace Restic.Net.Tests.Execution;

public class RedactorTests
{
    [Theory]
    [InlineData("rest:http://alice:s3cret@127.0.0.1:8000/repo", "rest:http://alice:***@127.0.0.1:8000/repo")]
    [InlineData("s3:https://key:secret@host/bucket", "s3:https://key:***@host/bucket")]
    [InlineData("sftp://user@host:2222//srv/repo", "sftp://user@host:2222//srv/repo")]
    [InlineData("open rest:http://a:b@h/ and rest:http://c:d@h/", "open rest:http://a:***@h/ and rest:http://c:***@h/")]
    [InlineData("/plain/path", "/plain/path")]
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
