using Pacta.Model;

namespace Pacta.Store;

/// <summary>An obligation with the document and provision that hold it.</summary>
public sealed record ObligationInContext(Document Document, Provision Provision, Obligation Obligation)
{
    /// <summary>The obligation <paramref name="id"/> found in the provision <paramref name="provisionEId"/> of <paramref name="document"/>, as a store's obligation index names it.</summary>
    internal static ObligationInContext In(Document document, string provisionEId, RecordId id)
    {
        var provision = document.Provisions.Single(p => p.EId == provisionEId);
        return new ObligationInContext(document, provision, provision.Obligations.Single(o => o.Id == id));
    }
}
