using System;

namespace TherapeuticAlliance.Documents;

/// <summary>The limits a <see cref="CaseloadReader"/> enforces. Each one stops input that would otherwise exhaust memory or time.</summary>
/// <remarks>Immutable; <see cref="Default"/> suits a clinic's caseload files (a 1M-appointment file is about 0.5 GB).</remarks>
public sealed record CaseloadReadOptions
{
    private readonly long _maximumBytes = 2L * 1024 * 1024 * 1024;
    private readonly int _maximumDepth = 32;
    private readonly int _maximumArrayLength = 1_000_000;
    private readonly int _maximumProblems = 1_000;

    /// <summary>Creates options with the defaults; set the limits to change with an object initializer.</summary>
    public CaseloadReadOptions()
    {
    }

    /// <summary>The defaults: 2 GiB, 32 levels, arrays of up to 1,000,000 items, and 1,000 problems.</summary>
    public static CaseloadReadOptions Default { get; } = new();

    /// <summary>The largest document read, in bytes of UTF-8; reading stops with <see cref="DocumentErrorCodes.TooLarge"/> past it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaximumBytes
    {
        get => _maximumBytes;
        init => _maximumBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumBytes), "The limit must be positive.");
    }

    /// <summary>The deepest nesting of objects and arrays, counted from the document's root (a caseload needs about 10).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 4 or above 256.</exception>
    public int MaximumDepth
    {
        get => _maximumDepth;
        init => _maximumDepth = value is >= 4 and <= 256 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumDepth), "The limit must be from 4 to 256.");
    }

    /// <summary>The most items in any one array (the patients, one patient's appointments, a history).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaximumArrayLength
    {
        get => _maximumArrayLength;
        init => _maximumArrayLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumArrayLength), "The limit must be positive.");
    }

    /// <summary>The most problems reported: the reader stops after this many, with one <see cref="DocumentErrorCodes.TooManyProblems"/> more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaximumProblems
    {
        get => _maximumProblems;
        init => _maximumProblems = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumProblems), "The limit must be positive.");
    }
}
