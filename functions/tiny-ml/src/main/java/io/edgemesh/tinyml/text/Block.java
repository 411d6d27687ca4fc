package io.edgemesh.tinyml.text;

/** A line of text on a page, marked when its type size says it is a heading. */
public record Block(String text, boolean heading) { }
