using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ResolutionKit.Rules.Internal;

/// <summary>The few framework calls that differ between net10.0 and netstandard2.0 (.NET Framework hosts), in one place.</summary>
internal static class Compat
{
    /// <summary>Moves a file over another (a temporary file over its destination), replacing it.</summary>
    public static void MoveOver(string source, string destination)
    {
#if NET
        File.Move(source, destination, true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }

    /// <summary>Whether the stack has room for another level of calls.</summary>
    public static bool StackIsSufficient()
    {
#if NET
        return RuntimeHelpers.TryEnsureSufficientExecutionStack();
#else
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
#endif
    }

    /// <summary>The path of <paramref name="path"/> relative to the folder <paramref name="relativeTo"/>.</summary>
    public static string GetRelativePath(string relativeTo, string path)
    {
#if NET
        return Path.GetRelativePath(relativeTo, path);
#else
        var from = new Uri(Path.GetFullPath(relativeTo).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar);
        var to = new Uri(Path.GetFullPath(path));
        if (from.Scheme != to.Scheme)
        {
            return path;
        }

        var relative = Uri.UnescapeDataString(from.MakeRelativeUri(to).ToString()).Replace('/', Path.DirectorySeparatorChar);
        return relative.Length == 0 ? "." : relative;
#endif
    }
}
