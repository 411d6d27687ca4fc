package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;

/**
 * {@code get_document}: a document's metadata and status (file name, pages, language, status). Needs an
 * identified visitor: anonymous visitors get passages through search, not an inventory of files.
 */
public final class GetDocumentTool implements Tool {
    private final DocumentCatalog catalog;

    public GetDocumentTool(DocumentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override public String name() { return "get_document"; }

    @Override public String description() { return "Metadata and status of one of the tenant's documents."; }

    @Override public TrustLevel minimumTrust() { return TrustLevel.AUTHENTICATED; }

    @Override
    public JsonNode run(ToolContext ctx, JsonNode args) {
        String id = args.path("documentId").asText("");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.invalid("documentId is malformed");
        JsonNode row = catalog.find(ctx.tenantId(), id).orElseThrow(() -> ApiException.notFound("no document " + id));
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String f : new String[] {"documentId", "filename", "status", "pages", "language", "contentType", "sizeBytes", "updatedAt"}) {
            if (row.has(f)) out.set(f, row.get(f));
        }
        return out;
    }
}
