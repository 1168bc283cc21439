namespace FinOpsPack.Core.Aws;

/// <summary>Bad input from the user: reported as one line with exit code 2, never a stack trace.</summary>
public sealed class UserInputException(string message) : Exception(message);
