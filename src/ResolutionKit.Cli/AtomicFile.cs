using System;
using System.IO;
using System.Text;

namespace ResolutionKit.Cli;

/// <summary>
/// Writes output files whole or not at all: the text goes to a temporary file beside the target, which then replaces
/// it, so a failed run leaves no half-written file. A path that cannot be written is a user error naming the path.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public static void Write(string path, byte[] bytes)
    {
        string? temp = null;
        try
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full) ?? ".";
            if (Directory.Exists(full))
            {
                throw new UserException($"{path}: error: is a folder, not a file");
            }

            if (!Directory.Exists(dir))
            {
                throw new UserException($"{path}: error: the folder {dir} does not exist");
            }

            temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UserException($"{path}: error: cannot write the file: {e.Message}");
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // best effort
                }
            }
        }
    }
}
