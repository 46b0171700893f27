using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Ardalis.GuardClauses;
using NodaTime;

namespace TherapeuticAlliance.Compliance;

/// <content>The parallel, streaming audit: one reader, a bounded hand-off, one builder per worker.</content>
public static partial class ComplianceAudit
{
    private static class ParallelAudit
    {
        /// <summary>How many patients each worker may have queued for it, besides the one it is auditing.</summary>
        internal const int QueuedPerWorker = 2;

        public static Result Run(PolicyRules rules, IEnumerable<PatientCaseload> patients, Instant asOf, ComplianceAuditOptions options, CancellationToken cancellationToken)
        {
            int workers = options.MaxDegreeOfParallelism;
            int queueCapacity = (int)Math.Min(int.MaxValue, (long)QueuedPerWorker * workers);
            int inFlight = (int)Math.Min(int.MaxValue, (long)queueCapacity + workers);
            var failures = new ConcurrentQueue<Exception>();
            var progress = new ProgressCounter(options.Progress, options.ProgressInterval);
            var parts = new Result[workers];
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // A patient holds a permit from before it is read until its audit ends: at most `inFlight` are in memory.
            using var window = new SemaphoreSlim(inFlight, inFlight);
            using var queue = new BlockingCollection<PatientCaseload>(new ConcurrentQueue<PatientCaseload>(), queueCapacity);
            var tasks = new Task[workers];
            for (int w = 0; w < workers; w++)
            {
                int worker = w;
                tasks[w] = Task.Factory.StartNew(
                    () => parts[worker] = Work(rules, asOf, queue, window, progress, failures, stop),
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            }

            try
            {
                using IEnumerator<PatientCaseload> reader = patients.GetEnumerator();
                while (true)
                {
                    window.Wait(stop.Token);
                    if (!reader.MoveNext())
                    {
                        break;
                    }

                    PatientCaseload patient = reader.Current;
                    Guard.Against.Null(patient, nameof(patients));
                    queue.Add(patient, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Cancelled, or a worker failed: the cause is reported below.
            }
            catch (Exception exception)
            {
                Fail(failures, stop, exception);
            }
            finally
            {
                queue.CompleteAdding();

                // Workers catch everything, so this waits for them and never throws.
                Task.WaitAll(tasks, CancellationToken.None);
            }

            if (!failures.IsEmpty)
            {
                Exception[] thrown = failures.ToArray();
                if (thrown.Length == 1)
                {
                    ExceptionDispatchInfo.Throw(thrown[0]);
                }

                throw new AggregateException(thrown);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Result all = parts[0];
            for (int w = 1; w < workers; w++)
            {
                all.Builder.Merge(parts[w].Builder);
                all.Calendars.Merge(parts[w].Calendars);
            }

            progress.Finish(all.Builder.PatientsAudited);
            return all;
        }

        private static Result Work(
            PolicyRules rules, Instant asOf, BlockingCollection<PatientCaseload> queue, SemaphoreSlim window, ProgressCounter progress,
            ConcurrentQueue<Exception> failures, CancellationTokenSource stop)
        {
            var part = new Result(new ComplianceReportBuilder(), new ClinicianCalendars());
            try
            {
                foreach (PatientCaseload patient in queue.GetConsumingEnumerable(stop.Token))
                {
                    rules.Audit(patient, asOf, part.Builder, part.Calendars);

                    // Counted before the patient's permit is released, so progress never lags the reader by more than the window.
                    progress.Audited();
                    window.Release();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Cancelled, or another thread failed: the cause is reported by the reader.
            }
            catch (Exception exception)
            {
                Fail(failures, stop, exception);
            }

            return part;
        }

        private static void Fail(ConcurrentQueue<Exception> failures, CancellationTokenSource stop, Exception exception)
        {
            failures.Enqueue(exception);
            stop.Cancel();
        }

        /// <summary>One worker's share, or, merged, the whole audit's.</summary>
        public readonly record struct Result(ComplianceReportBuilder Builder, ClinicianCalendars Calendars);

        /// <summary>Counts audited patients and reports every interval, one report at a time, in increasing order.</summary>
        private sealed class ProgressCounter(IProgress<int>? progress, int interval)
        {
            private readonly object _gate = new();
            private int _audited;
            private int _reported = -1;

            public void Audited()
            {
                if (progress is null)
                {
                    return;
                }

                lock (_gate)
                {
                    _audited++;
                    if (_audited % interval == 0)
                    {
                        progress.Report(_audited);
                        _reported = _audited;
                    }
                }
            }

            public void Finish(int total)
            {
                if (progress is not null && _reported != total)
                {
                    progress.Report(total);
                }
            }
        }
    }
}
