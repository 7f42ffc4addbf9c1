using System;
using System.CommandLine;
using StreamJsonRpc;

namespace ResolutionKit.Cli.Lsp;

/// <summary><c>reskit lsp</c>: runs the language server on standard input and output until the client says exit.</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over standard input and output (the default and only transport; accepted because editors pass it)." };
        var command = new Command("lsp", "Run a Language Server Protocol server over standard input and output: diagnostics as you type, quick fixes, hover with each rule's page.");
        command.Options.Add(stdio);
        command.SetAction(_ => Run());
        return command;
    }

    public static int Run()
    {
        JsonRpc? rpc = null;
        var server = new LanguageServer(() => rpc!);
        var formatter = new JsonMessageFormatter();
        var handler = new HeaderDelimitedMessageHandler(Console.OpenStandardOutput(), Console.OpenStandardInput(), formatter);
        rpc = new JsonRpc(handler)
        {
            // Notifications are handled one at a time, in the order they came: edits must not race.
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { NotifyClientOfEvents = false });
        rpc.StartListening();
        var finished = System.Threading.Tasks.Task.WhenAny(server.Exited.Task, rpc.Completion).GetAwaiter().GetResult();
        rpc.Dispose();
        return finished == server.Exited.Task ? server.Exited.Task.Result : 1;
    }
}
