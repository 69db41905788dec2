// One test class at a time: each starts a service and a chromium, and the 2 GiB test hashes for a
// while; on a 2-core machine running them side by side only makes each slower and the heaps noisier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
