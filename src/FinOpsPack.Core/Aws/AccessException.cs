namespace FinOpsPack.Core.Aws;

/// <summary>The scanner could not get into the account (no caller credentials, AssumeRole refused): exit code 4.</summary>
public sealed class AccessException(string message, Exception? inner = null) : Exception(message, inner);
