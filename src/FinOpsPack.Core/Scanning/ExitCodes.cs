namespace FinOpsPack.Core.Scanning;

/// <summary>The process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;

    /// <summary>The scan finished but some collectors failed or were not permitted: the report marks what is missing.</summary>
    public const int Partial = 3;

    /// <summary>No way in: no caller credentials, or AssumeRole refused (trust policy, External ID, role name).</summary>
    public const int Access = 4;

    /// <summary>New monthly savings (waste) above <c>--fail-on-new-savings</c> appeared since <c>--baseline</c>.</summary>
    public const int NewSavings = 5;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
