using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>Why a package is not annotated, raised as soon as it is known; the writer turns it into a finding.</summary>
internal sealed class AnnotationRefusedException(LocalizedText reason) : Exception(reason.En)
{
    public LocalizedText Reason { get; } = reason;
}
