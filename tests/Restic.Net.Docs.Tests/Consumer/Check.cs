// Part of the consumer project PackageConsumerTests builds from the packed packages (not compiled into the
// test assembly): a failed check ends the program with an exception, which the test sees as its exit code.
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("consumer check failed: " + what);
        }
    }
}
