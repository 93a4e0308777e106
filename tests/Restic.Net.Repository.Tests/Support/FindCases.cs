namespace Restic.Net.Repository.Tests.Support;

/// <summary>The patterns the find conformance tests compare with restic: names, globs, classes, "**", odd names.</summary>
public static class FindCases
{
    public static TheoryData<string[]> Patterns() => new()
    {
        { ["*.txt"] },
        { ["hello.txt"] },
        { ["HELLO.TXT"] },
        { ["nested"] },
        { ["a/b"] },
        { ["**/deep.txt"] },
        { ["nested/a/**"] },
        { ["**/a/**/deep.txt"] },
        { ["nested/**/**"] },
        { ["f1[0-4]?.txt"] },
        { ["[^f]*.txt"] },
        { ["f00?.txt", "deep.txt", "link"] },
        { ["ünïcödé-*"] },
        { ["*😀*"] },
        { ["quote\"and\\\\backslash.txt"] },
        { ["name with spaces.txt"] },
        { ["fifo"] },
        { ["emptydir"] },
        { ["*"] },
        { ["no-such-name"] },
        { ["!hello.txt"] },
        { ["./nested/../hello.txt"] },
    };
}
