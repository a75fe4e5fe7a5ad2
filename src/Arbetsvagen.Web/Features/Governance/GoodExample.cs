using System.Text;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Governance;

/// <summary>What a good example says; the use case has read and checked every field.</summary>
public sealed record ExampleText(string Title, string Organisation, string Aim, string TargetGroup, string Model, string Results, string? Contact,
    string? Period);

/// <summary>
/// A project or method worth learning from (seed 004's appendix: Sigtuna's resource jobs, Södertälje F50, Solna, Enköping L4U …).
/// Searchable through <see cref="SearchText"/>, a lower-cased copy of its text, so the same query finds the same examples on
/// both databases.
/// </summary>
public class GoodExample
{
    public const int MaxTitle = 200;
    public const int MaxText = 8000;
    public const int MaxShort = 200;

    private GoodExample() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public string Aim { get; private set; } = "";
    public string TargetGroup { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string Results { get; private set; } = "";
    /// <summary>A staff contact (name, role): personal data, so reads are logged.</summary>
    public string? Contact { get; private set; }
    public string? Period { get; private set; }
    public string SearchText { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public List<ExampleAttachment> Attachments { get; private set; } = [];

    public static GoodExample Create(Guid collaborationId, ExampleText text, Guid by, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = collaborationId, Title = text.Title, Organisation = text.Organisation, Aim = text.Aim,
        TargetGroup = text.TargetGroup, Model = text.Model, Results = text.Results, Contact = text.Contact, Period = text.Period,
        SearchText = Searchable(string.Join(' ', text.Title, text.Organisation, text.Aim, text.TargetGroup, text.Model, text.Results, text.Period)),
        CreatedAt = now, CreatedByUserId = by,
    };

    public static string Searchable(string text) => text.ToLower(SwedishCollation.Culture).Normalize(NormalizationForm.FormC);
}

/// <summary>An attached file; its content is in the row (attachments are small: see <see cref="AttachmentRules"/>).</summary>
public class ExampleAttachment
{
    public const int MaxFileName = 200;

    public Guid Id { get; set; }
    public Guid ExampleId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public Guid ByUserId { get; set; }
}

/// <summary>Which files a good example may carry: documents and images of known types, at most <see cref="MaxBytes"/> each.</summary>
public static class AttachmentRules
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static string Allowed => "PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument-text (odt), text (txt), PNG och JPEG";

    /// <summary>The content type to serve the file with, or a message naming what is wrong (type by name and by content, or size).</summary>
    public static (string? ContentType, string? Error) Check(string fileName, long size, ReadOnlySpan<byte> head)
    {
        if (size == 0)
        {
            return (null, "Filen är tom.");
        }

        if (size > MaxBytes)
        {
            return (null, $"Filen är för stor: högst {MaxBytes / 1024 / 1024} MB, nu {size / 1024.0 / 1024.0:0.0} MB.");
        }

        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type) || !ContentMatches(extension.ToLowerInvariant(), head))
        {
            return (null, $"Filtypen tillåts inte. Tillåtna: {Allowed}.");
        }

        return (type, null);
    }

    /// <summary>The file's first bytes must be what its name says, so a renamed program is not served as a document.</summary>
    private static bool ContentMatches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".pdf" => head.StartsWith("%PDF-"u8),
        ".docx" or ".xlsx" or ".pptx" or ".odt" => head.StartsWith("PK\u0003\u0004"u8),
        ".png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ".txt" => !head.Contains((byte)0) && IsUtf8(head),
        _ => false,
    };

    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        // The head may end inside a character: only an invalid sequence before the last three bytes counts.
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done || (status == System.Buffers.OperationStatus.NeedMoreData && read >= head.Length - 3);
    }
}
