using System;
using System.IO;
using System.Security;
using System.Text;

namespace TherapeuticAlliance.Cli;

/// <summary>Opens the files the tool reads and writes, turning the ways that fails into one-line messages.</summary>
internal static class Files
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Stream? OpenRead(string path, TextWriter error)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception exception) when (IsFileProblem(exception))
        {
            Problems.WriteOne(error, path, Problems.Io, Reason(exception, "cannot be read"));
            return null;
        }
    }

    public static Stream? OpenWrite(string path, TextWriter error)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        catch (Exception exception) when (IsFileProblem(exception))
        {
            Problems.WriteOne(error, path, Problems.Io, Reason(exception, "cannot be written"));
            return null;
        }
    }

    public static bool IsFileProblem(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException;

    private static string Reason(Exception exception, string what) => exception switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => $"{what}: access denied (or it is a directory)",
        _ => $"{what}: {exception.Message}",
    };
}
