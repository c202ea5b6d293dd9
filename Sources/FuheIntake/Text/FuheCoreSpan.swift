import FuheCore

typealias FuheCoreSpan = SourceSpan
