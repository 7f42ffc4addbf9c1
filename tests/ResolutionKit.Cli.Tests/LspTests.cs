using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary>Drives <c>reskit lsp</c> as an editor does: initialize, open, change, ask for fixes and hovers, shut down.</summary>
public sealed class LspTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-lsp-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    /// <summary>What the client receives: every publishDiagnostics, by document.</summary>
    private sealed class Client
    {
        public BlockingCollection<JObject> Published { get; } = new();

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JObject parameters) => Published.Add(parameters);

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(JObject parameters) => Published.Add(new JObject { ["message"] = parameters });

        /// <summary>The next diagnostics published for a document at (or after) a version.</summary>
        public JArray Next(string uri, int version)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                var p = Published.Take(timeout.Token);
                if ((string?)p["uri"] == uri && ((int?)p["version"] ?? 0) >= version)
                {
                    return (JArray)p["diagnostics"]!;
                }
            }
        }
    }

    private static JObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    private static JObject Range(JObject start, JObject end) => new() { ["start"] = start, ["end"] = end };

    [Fact]
    public async Task EachWorkspaceFolder_ShouldBeCheckedUnderItsOwnConfiguration()
    {
        var strict = Directory.CreateDirectory(Path.Combine(_folder, "strict")).FullName;
        var relaxed = Directory.CreateDirectory(Path.Combine(_folder, "relaxed")).FullName;
        foreach (var folder in new[] { strict, relaxed })
        {
            File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt"), Path.Combine(folder, "pp-154.txt"));
        }

        File.WriteAllText(Path.Combine(relaxed, "resolutionkit.json"), "{ \"rules\": { \"RK8001\": \"none\", \"RK2001\": \"error\" } }");
        var (process, rpc, client, _, _) = await Start(new[] { strict, relaxed });
        using (process)
        using (rpc)
        {
            var found = new System.Collections.Generic.Dictionary<string, JArray>();
            foreach (var folder in new[] { strict, relaxed })
            {
                var path = Path.Combine(folder, "pp-154.txt");
                var uri = new Uri(path).AbsoluteUri;
                await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = 1, ["text"] = File.ReadAllText(path) },
                });
                found[folder] = client.Next(uri, 1);
            }

            Assert.Contains(found[strict], d => (string)d["code"]! == "RK8001");
            Assert.Contains(found[strict], d => (string)d["code"]! == "RK2001" && (int)d["severity"]! == 2);
            Assert.DoesNotContain(found[relaxed], d => (string)d["code"]! == "RK8001");
            Assert.Contains(found[relaxed], d => (string)d["code"]! == "RK2001" && (int)d["severity"]! == 1);
            await Stop(process, rpc);
        }
    }

    /// <summary>Starts <c>reskit lsp</c> as an editor does and initializes it with the workspace folders.</summary>
    private async Task<(Process Process, JsonRpc Rpc, Client Client, JObject Init, Task<string> Stderr)> Start(string[] folders)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reskit.dll"));
        info.ArgumentList.Add("lsp");
        info.ArgumentList.Add("--stdio");
        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var client = new Client();
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));
        rpc.AddLocalRpcTarget(client);
        rpc.StartListening();
        var init = await rpc.InvokeWithParameterObjectAsync<JObject>("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(folders[0]).AbsoluteUri,
            ["workspaceFolders"] = new JArray(folders.Select(f => new JObject { ["uri"] = new Uri(f).AbsoluteUri, ["name"] = Path.GetFileName(f) })),
            ["capabilities"] = new JObject(),
        });
        await rpc.NotifyWithParameterObjectAsync("initialized", new JObject());
        return (process, rpc, client, init, stderr);
    }

    private static async Task Stop(Process process, JsonRpc rpc)
    {
        await rpc.InvokeWithParameterObjectAsync<JToken>("shutdown");
        await rpc.NotifyAsync("exit");
        Assert.True(process.WaitForExit(30_000), "reskit lsp did not exit after shutdown and exit");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task AnEditor_ShouldSeeFindingsAsItTypes_ApplyAQuickFix_AndHoverForTheRule()
    {
        foreach (var name in new[] { "pp-154.txt", "pp-191.txt", "pp-70.txt" })
        {
            File.Copy(Path.Combine(Reskit.Root, "samples", "corpus", name), Path.Combine(_folder, name));
        }

        var path = Path.Combine(_folder, "pp-154.txt");
        var uri = new Uri(path).AbsoluteUri;
        var text = File.ReadAllText(path);
        var (process, rpc, client, init, stderr) = await Start(new[] { _folder });
        using var started = process;
        using var connection = rpc;
        try
        {
            Assert.Equal(2, (int)init["capabilities"]!["textDocumentSync"]!["change"]!);
            Assert.True((bool)init["capabilities"]!["hoverProvider"]!);

            // Open: the findings of the CLI for this file, at the same places (LSP lines and characters are 0-based).
            await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "plaintext", ["version"] = 1, ["text"] = text },
            });
            var opened = client.Next(uri, 1);
            var chairman = opened.Single(d => (string)d["code"]! == "RK8001");
            Assert.Equal(34, (int)chairman["range"]!["start"]!["line"]!);
            Assert.Equal(17, (int)chairman["range"]!["start"]!["character"]!);
            Assert.Equal(25, (int)chairman["range"]!["end"]!["character"]!);
            Assert.Equal(2, (int)chairman["severity"]!);
            Assert.Contains(opened, d => (string)d["code"]! == "RK2001" && (int)d["range"]!["start"]!["line"]! == 36);
            Assert.EndsWith("RK8001.md", (string)chairman["codeDescription"]!["href"]!);

            // A quick fix for the finding, as an edit of the document as written.
            var actions = await rpc.InvokeWithParameterObjectAsync<JArray>("textDocument/codeAction", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri },
                ["range"] = chairman["range"],
                ["context"] = new JObject { ["diagnostics"] = new JArray(chairman) },
            });
            var fix = actions.Single(a => ((string)a["title"]!).Contains("RK8001", StringComparison.Ordinal));
            Assert.True((bool)fix["isPreferred"]!);
            var edit = (JObject)fix["edit"]!["changes"]![uri]!.Single();
            Assert.Equal("chair", (string)edit["newText"]!);

            // The editor applies it and sends the change; the finding goes, the others stay.
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
                ["contentChanges"] = new JArray(new JObject { ["range"] = edit["range"], ["text"] = edit["newText"] }),
            });
            var fixedUp = client.Next(uri, 2);
            Assert.DoesNotContain(fixedUp, d => (string)d["code"]! == "RK8001");
            Assert.Contains(fixedUp, d => (string)d["code"]! == "RK2001");

            // Typing a new problem: an instruction to Member States in a new operative group is found as it is typed.
            var lines = text.Split('\n');
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 3 },
                ["contentChanges"] = new JArray(new JObject { ["range"] = Range(Position(36, 0), Position(36, "instructs".Length)), ["text"] = "invites" }),
            });
            var invited = client.Next(uri, 3);
            Assert.DoesNotContain(invited, d => (string)d["code"]! == "RK2001");
            Assert.StartsWith("instructs Member States", lines[36], StringComparison.Ordinal);

            // Hover on a finding shows the rule, why it exists and its page.
            var rk5001 = invited.First(d => (string)d["code"]! == "RK5001");
            var hover = await rpc.InvokeWithParameterObjectAsync<JObject>("textDocument/hover", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri },
                ["position"] = rk5001["range"]!["start"],
            });
            var markdown = (string)hover["contents"]!["value"]!;
            Assert.Contains("**RK5001**", markdown);
            Assert.Contains("docs/rules/RK5001.md", markdown);

            await Stop(process, rpc);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
            }

            Assert.DoesNotContain("Exception", await stderr);
        }
    }
}
