using Restic.Net.Repository.Format;

namespace Restic.Net.Repository.Trees;

/// <summary>One side of a diff's counts: the nodes only that side has, by kind.</summary>
internal sealed class DiffTally
{
    public long Files { get; private set; }

    public long Directories { get; private set; }

    public long Others { get; private set; }

    public void Add(TreeNodeDto node)
    {
        switch (node.Type)
        {
            case "file":
                Files++;
                break;
            case "dir":
                Directories++;
                break;
            default:
                Others++;
                break;
        }
    }

    public DiffCounts ToCounts(long dataBlobs, long treeBlobs, long bytes) => new()
    {
        Files = Files,
        Directories = Directories,
        Others = Others,
        DataBlobs = dataBlobs,
        TreeBlobs = treeBlobs,
        Bytes = bytes,
    };
}
