using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>The <c>page</c> and <c>page_size</c> query parameters of the listing endpoints (and the console's audit page).</summary>
internal static class Paging
{
    public static (int Page, int PageSize) Check(int page, int pageSize, int maxPageSize)
    {
        if (page < 1)
        {
            throw ApiProblemException.Invalid("page", "page starts at 1.");
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            throw ApiProblemException.Invalid("page_size", $"page_size is 1 to {maxPageSize}.");
        }

        return (page, pageSize);
    }

    /// <summary>
    /// How many rows come before a page (numbered from 1) of this size: past the end of any table when the product
    /// would overflow, so an absurd page number is an empty page, not another page's rows.
    /// </summary>
    public static int RowsBefore(int page, int pageSize) => (int)Math.Min(((long)page - 1) * pageSize, int.MaxValue);
}
