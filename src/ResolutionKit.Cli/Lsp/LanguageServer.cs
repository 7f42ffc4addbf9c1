using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ResolutionKit.Diagnostics;
using ResolutionKit.Fixes;
using ResolutionKit.Model;
using ResolutionKit.Reading;
using ResolutionKit.Rules;
using ResolutionKit.Rules.Configuration;
using StreamJsonRpc;

namespace ResolutionKit.Cli.Lsp;

/// <summary>
/// <c>reskit lsp</c>: a Language Server Protocol server over standard input and output. Each open document is read as
/// the CLI reads a file and checked in an <see cref="IncrementalSession"/> together with the other resolution files of its
/// workspace folder (so cross-resolution rules see the corpus); each document uses the nearest <c>resolutionkit.json</c>
/// above it. Diagnostics are published as the text changes; code actions offer each finding's fixes that can be made on
/// the text as written (<see cref="SourceFixes"/>); hover shows the rule, its rationale and its page.
/// </summary>
internal sealed class LanguageServer
{
    private const int MaxContextFiles = 5000;

    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Workspace> _workspaces = new(StringComparer.Ordinal);
    private readonly List<string> _folders = new();
    private readonly Func<JsonRpc> _rpc;
    private bool _shutdown;

    public LanguageServer(Func<JsonRpc> rpc) => _rpc = rpc;

    /// <summary>Completes when the client sends <c>exit</c>; the exit code is 0 after <c>shutdown</c>, 1 otherwise.</summary>
    public TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public JObject Initialize(JObject parameters)
    {
        foreach (var folder in parameters["workspaceFolders"] as JArray ?? new JArray())
        {
            if (PathOf((string?)folder["uri"]) is { } path)
            {
                _folders.Add(path);
            }
        }

        if (_folders.Count == 0 && PathOf((string?)parameters["rootUri"]) is { } root)
        {
            _folders.Add(root);
        }

        return new JObject
        {
            ["capabilities"] = new JObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JObject { ["openClose"] = true, ["change"] = 2 },
                ["codeActionProvider"] = new JObject { ["codeActionKinds"] = new JArray("quickfix") },
                ["hoverProvider"] = true,
            },
            ["serverInfo"] = new JObject { ["name"] = "reskit", ["version"] = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.1.0" },
        };
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JToken? parameters)
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => Exited.TrySetResult(_shutdown ? 0 : 1);

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public async Task DidOpen(JObject parameters)
    {
        var item = parameters["textDocument"]!;
        var uri = (string)item["uri"]!;
        var document = new Document(uri, PathOf(uri) ?? uri, (string?)item["text"] ?? string.Empty, (int?)item["version"] ?? 0);
        _documents[uri] = document;
        document.Workspace = WorkspaceFor(document.Path, onDisk: PathOf(uri) is not null);
        Update(document);
        await PublishAll();
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public async Task DidChange(JObject parameters)
    {
        if (!_documents.TryGetValue((string)parameters["textDocument"]!["uri"]!, out var document))
        {
            return;
        }

        foreach (var change in parameters["contentChanges"] as JArray ?? new JArray())
        {
            var text = (string?)change["text"] ?? string.Empty;
            if (change["range"] is JObject range)
            {
                var start = document.OffsetOf(range["start"]!);
                var end = Math.Max(start, document.OffsetOf(range["end"]!));
                document.SetText(document.Text.Substring(0, start) + text + document.Text.Substring(end));
            }
            else
            {
                document.SetText(text);
            }
        }

        document.Version = (int?)parameters["textDocument"]!["version"] ?? document.Version + 1;
        Update(document);
        await PublishAll();
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JToken? parameters)
    {
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public async Task DidClose(JObject parameters)
    {
        var uri = (string)parameters["textDocument"]!["uri"]!;
        if (!_documents.TryGetValue(uri, out var document))
        {
            return;
        }

        _documents.Remove(uri);
        var workspace = document.Workspace!;
        foreach (var address in document.Addresses)
        {
            Forget(workspace, address, document.Path);
        }

        await _rpc().NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new JObject { ["uri"] = uri, ["diagnostics"] = new JArray() });
        await PublishAll();
    }

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public JArray CodeAction(JObject parameters)
    {
        var actions = new JArray();
        if (!_documents.TryGetValue((string)parameters["textDocument"]!["uri"]!, out var document))
        {
            return actions;
        }

        var start = document.OffsetOf(parameters["range"]!["start"]!);
        var end = document.OffsetOf(parameters["range"]!["end"]!);
        var lookup = new SourceFixLookup(document.Resolutions, path => path == document.Path ? document.Text : null);
        foreach (var finding in document.Findings)
        {
            var (from, to) = document.Extent(finding);
            if (to < start || from > end || finding.Fixes.Count == 0)
            {
                continue;
            }

            foreach (var fix in finding.Fixes)
            {
                if (lookup.Map(finding, fix) is not { } mapped)
                {
                    continue;
                }

                var edits = new JArray(mapped.Replacements.Select(r => new JObject
                {
                    ["range"] = new JObject { ["start"] = document.PositionOf(r.Offset), ["end"] = document.PositionOf(r.Offset + r.Length) },
                    ["newText"] = r.NewText,
                }));
                actions.Add(new JObject
                {
                    ["title"] = fix.Title + (fix.IsSafe ? string.Empty : " (suggestion)") + " — " + finding.Id,
                    ["kind"] = "quickfix",
                    ["isPreferred"] = fix.IsSafe,
                    ["diagnostics"] = new JArray(ToLsp(document, finding)),
                    ["edit"] = new JObject { ["changes"] = new JObject { [document.Uri] = edits } },
                });
            }
        }

        return actions;
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public JObject? Hover(JObject parameters)
    {
        if (!_documents.TryGetValue((string)parameters["textDocument"]!["uri"]!, out var document))
        {
            return null;
        }

        var at = document.OffsetOf(parameters["position"]!);
        var here = document.Findings.Where(f => document.Extent(f) is var e && e.From <= at && at <= e.To).ToList();
        if (here.Count == 0)
        {
            return null;
        }

        var text = string.Join("\n\n---\n\n", here.Select(f =>
            $"**{f.Id}** {f.Descriptor.Title} ({f.Severity.Name()})\n\n{f.Message}"
            + (f.Descriptor.Rationale is { } why ? "\n\n" + why : string.Empty)
            + $"\n\n[{f.Id} rule page]({f.Descriptor.HelpLinkUri})"));
        var (from, to) = document.Extent(here[0]);
        return new JObject
        {
            ["contents"] = new JObject { ["kind"] = "markdown", ["value"] = text },
            ["range"] = new JObject { ["start"] = document.PositionOf(from), ["end"] = document.PositionOf(to) },
        };
    }

    /// <summary>Reads the document again and puts its instruments in its workspace's session.</summary>
    private void Update(Document document)
    {
        var workspace = document.Workspace!;
        var results = ResolutionTextReader.ReadAll(document.Text, document.Path);
        document.Reading = results.SelectMany(r => r.Diagnostics).Where(d => d.Severity > DiagnosticSeverity.Hidden).ToList();
        document.Resolutions = results.Where(r => r.Value is not null).Select(r => r.Value!).ToList();
        var addresses = document.Resolutions.Select(r => r.Address).Distinct(StringComparer.Ordinal).ToList();
        foreach (var gone in document.Addresses.Except(addresses, StringComparer.Ordinal))
        {
            Forget(workspace, gone, document.Path);
        }

        foreach (var resolution in document.Resolutions)
        {
            workspace.Session.ReplaceResolution(resolution);
        }

        document.Addresses = addresses;
    }

    /// <summary>An address a document no longer holds: the workspace file that holds it comes back, or it goes.</summary>
    private void Forget(Workspace workspace, string address, string path)
    {
        if (_documents.Values.Any(d => d.Workspace == workspace && d.Path != path && d.Addresses.Contains(address)))
        {
            return;
        }

        if (workspace.OnDisk.TryGetValue(address, out var fromDisk) && fromDisk.SourcePath != path)
        {
            workspace.Session.ReplaceResolution(fromDisk);
        }
        else if (workspace.Session.Resolutions.ContainsKey(address))
        {
            workspace.Session.RemoveResolution(address);
        }
    }

    /// <summary>Publishes the findings of every open document whose findings changed.</summary>
    private async Task PublishAll()
    {
        foreach (var document in _documents.Values.ToList())
        {
            var workspace = document.Workspace!;
            var mine = workspace.Session.Diagnostics.Where(d => d.Location.Path == document.Path).ToList();
            document.Findings = workspace.RuleSet.MergeReading(document.Reading, mine);
            var diagnostics = new JArray(document.Findings.Select(f => ToLsp(document, f)));
            var key = diagnostics.ToString(Newtonsoft.Json.Formatting.None);
            if (key == document.Published)
            {
                continue;
            }

            document.Published = key;
            await _rpc().NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new JObject
            {
                ["uri"] = document.Uri,
                ["version"] = document.Version,
                ["diagnostics"] = diagnostics,
            });
        }
    }

    private static JObject ToLsp(Document document, Diagnostic d)
    {
        var (from, to) = document.Extent(d);
        return new JObject
        {
            ["range"] = new JObject { ["start"] = document.PositionOf(from), ["end"] = document.PositionOf(to) },
            ["severity"] = d.Severity switch
            {
                DiagnosticSeverity.Error => 1,
                DiagnosticSeverity.Warning => 2,
                DiagnosticSeverity.Suggestion => 3,
                _ => 4,
            },
            ["code"] = d.Id,
            ["codeDescription"] = new JObject { ["href"] = d.Descriptor.HelpLinkUri },
            ["source"] = "reskit",
            ["message"] = d.Message,
        };
    }

    /// <summary>
    /// The workspace of a document: its configuration's rules and a session holding the resolution files around it (for
    /// a document that is not a file, such as an unsaved one, the rules only: no folder is read on its behalf).
    /// </summary>
    private Workspace WorkspaceFor(string path, bool onDisk)
    {
        if (!onDisk)
        {
            const string Unsaved = "|unsaved";
            if (!_workspaces.TryGetValue(Unsaved, out var unsaved))
            {
                var rules = ShippedRules();
                _workspaces[Unsaved] = unsaved = new Workspace(rules, rules.StartSession(Array.Empty<Resolution>()), new Dictionary<string, Resolution>(StringComparer.Ordinal));
            }

            return unsaved;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var config = File.Exists(path) || Directory.Exists(folder) ? ResolutionKitConfig.Find(folder) : null;
        var root = _folders.Where(f => Path.GetFullPath(path).StartsWith(Path.GetFullPath(f).TrimEnd('/') + "/", StringComparison.Ordinal)).OrderByDescending(f => f.Length).FirstOrDefault() ?? folder;
        var key = (config ?? string.Empty) + "|" + root;
        if (_workspaces.TryGetValue(key, out var known))
        {
            return known;
        }

        RuleSet ruleSet;
        try
        {
            ruleSet = RuleLoading.Load(config, new[] { path }, null, null, null, Array.Empty<string>()).RuleSet;
        }
        catch (UserException e)
        {
            // A broken configuration is said once; the document is checked with the shipped rules meanwhile.
            _ = _rpc().NotifyWithParameterObjectAsync("window/showMessage", new JObject { ["type"] = 1, ["message"] = e.Message });
            ruleSet = ShippedRules();
        }

        var files = new Dictionary<string, Resolution>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Inputs.Expand(new[] { root }).Files.Take(MaxContextFiles))
            {
                foreach (var result in Inputs.ReadAll(file))
                {
                    if (result.Value is { } r && !files.ContainsKey(r.Address))
                    {
                        files[r.Address] = r;
                    }
                }
            }
        }

        var workspace = new Workspace(ruleSet, ruleSet.StartSession(files.Values), files);
        _workspaces[key] = workspace;
        return workspace;
    }

    /// <summary>The shipped rules under the default configuration (no file is looked for).</summary>
    private static RuleSet ShippedRules() => RuleSet.Load(new RuleSetOptions()).RuleSet ?? throw new InvalidOperationException("The shipped rules do not load.");

    private static string? PathOf(string? uri) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : null;

    private sealed record Workspace(RuleSet RuleSet, IncrementalSession Session, Dictionary<string, Resolution> OnDisk);

    /// <summary>An open document: its text, where its lines start, and what was last read and found in it.</summary>
    private sealed class Document
    {
        private int[] _lineStarts = { 0 };

        public Document(string uri, string path, string text, int version)
        {
            Uri = uri;
            Path = path;
            Version = version;
            Text = string.Empty;
            SetText(text);
        }

        public string Uri { get; }

        public string Path { get; }

        public string Text { get; private set; }

        public int Version { get; set; }

        public Workspace? Workspace { get; set; }

        public IReadOnlyList<Diagnostic> Reading { get; set; } = Array.Empty<Diagnostic>();

        public IReadOnlyList<Resolution> Resolutions { get; set; } = Array.Empty<Resolution>();

        public IReadOnlyList<string> Addresses { get; set; } = Array.Empty<string>();

        public IReadOnlyList<Diagnostic> Findings { get; set; } = Array.Empty<Diagnostic>();

        public string? Published { get; set; }

        public void SetText(string text)
        {
            Text = text;
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        /// <summary>The offset of an LSP position (0-based line and UTF-16 character), clamped to the text.</summary>
        public int OffsetOf(JToken position)
        {
            var line = Math.Max(0, Math.Min((int?)position["line"] ?? 0, _lineStarts.Length - 1));
            var lineEnd = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - 1 : Text.Length;
            return Math.Min(_lineStarts[line] + Math.Max(0, (int?)position["character"] ?? 0), lineEnd);
        }

        public JObject PositionOf(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, Text.Length));
            var i = Array.BinarySearch(_lineStarts, offset);
            var line = i >= 0 ? i : ~i - 1;
            return new JObject { ["line"] = line, ["character"] = offset - _lineStarts[line] };
        }

        /// <summary>The offsets a finding covers: its span, or its line when it has a line and column only.</summary>
        public (int From, int To) Extent(Diagnostic d)
        {
            if (d.Location.Span is not { } span)
            {
                return (0, 0);
            }

            var line = Math.Max(0, Math.Min(span.Line - 1, _lineStarts.Length - 1));
            var from = span.Offset > 0 || span.Line == 1 ? span.Offset : _lineStarts[line] + Math.Max(0, span.Column - 1);
            from = Math.Max(0, Math.Min(from, Text.Length));
            if (span.Length > 0)
            {
                return (from, Math.Min(Text.Length, from + span.Length));
            }

            var lineEnd = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - 1 : Text.Length;
            return (from, Math.Max(from, lineEnd));
        }
    }
}
