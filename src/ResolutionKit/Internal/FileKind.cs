using System;
using System.Runtime.InteropServices;

namespace ResolutionKit.Internal;

/// <summary>
/// Whether a path names a pipe, a device or a socket rather than a regular file. Opening a FIFO blocks until a writer
/// comes, and a device such as /dev/zero never ends, so neither may be read as a text. On Unix the file type comes from
/// the runtime's own native shim (the <c>stat</c> it uses for <see cref="System.IO.FileInfo"/>); elsewhere, and when the
/// shim is not there, every existing non-folder path counts as a file.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Folder = 0x4000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat(byte[] path, [Out] byte[] status);

    private static bool _unavailable;

    /// <summary>True when <paramref name="path"/> exists and is neither a regular file nor a folder.</summary>
    public static bool IsSpecial(string path)
    {
        if (_unavailable || Environment.OSVersion.Platform != PlatformID.Unix)
        {
            return false;
        }

        try
        {
            // The shim's FileStatus starts with two 32-bit fields, Flags and Mode; the buffer is larger than the struct.
            var status = new byte[512];
            var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
            if (Stat(bytes, status) != 0)
            {
                return false;
            }

            var type = BitConverter.ToInt32(status, 4) & TypeMask;
            return type != Regular && type != Folder;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            _unavailable = true;
            return false;
        }
    }
}
