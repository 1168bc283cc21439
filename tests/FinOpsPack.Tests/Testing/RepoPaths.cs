namespace FinOpsPack.Tests.Testing;

/// <summary>Where the repository and the shared fixtures (<c>../shared</c> beside the checkout) are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>FINOPS_SHARED_DIR</c> if set, else the <c>shared</c> folder beside the checkout.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("FINOPS_SHARED_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string AwsFixtures => Path.Combine(Shared, "aws-fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinOpsPack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FinOpsPack.sln not found above " + AppContext.BaseDirectory);
    }
}
