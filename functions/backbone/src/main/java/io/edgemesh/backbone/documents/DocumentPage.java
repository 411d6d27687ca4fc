package io.edgemesh.backbone.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a tenant's documents; {@code nextCursor} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentPage(List<Document> documents, String nextCursor) { }
