using Pacta.Model;

namespace Pacta.Store;

/// <summary>An obligation with the document and provision that hold it.</summary>
public sealed record ObligationInContext(Document Document, Provision Provision, Obligation Obligation);
