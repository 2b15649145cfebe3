// Placeholder entry point; replaced by the real program.
return 0;
