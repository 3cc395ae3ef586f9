"""The spatial queries of skjenk's assessment benchmark, done the way a GIS analyst would: shapely's
STRtree (vectorised GEOS) on points projected to EUREF89 UTM 32 with pyproj. A measuring tool for
`skjenk-bench assess`, not a dependency of the product.

usage: python3 spatial_reference.py INPUT.json OUTPUT.json
INPUT: {"sites": [[lon, lat], ...], "venues": [...], "hearings": [...], "siteRadius": m, "venueRadius": m}
OUTPUT: {"queryMs": ..., "nearest": [m, ...], "sitesWithin": [n, ...], "venuesWithin": [n, ...], "version": ...}
Only the queries are timed (not Python's start-up, reading or projecting).
"""
import json
import sys
import time

import numpy as np
import shapely
from pyproj import Transformer


def main(source, target):
    with open(source) as f:
        data = json.load(f)
    to_utm = Transformer.from_crs(4326, 25832, always_xy=True)

    def project(points):
        xy = np.array(points, dtype=float)
        x, y = to_utm.transform(xy[:, 0], xy[:, 1])
        return shapely.points(x, y)

    sites, venues, hearings = project(data["sites"]), project(data["venues"]), project(data["hearings"])
    site_radius, venue_radius = data["siteRadius"], data["venueRadius"]

    best = None
    for _ in range(3):
        start = time.perf_counter()
        site_tree = shapely.STRtree(sites)
        venue_tree = shapely.STRtree(venues)
        nearest_index = site_tree.query_nearest(hearings, return_distance=True, all_matches=False)
        within_sites = site_tree.query(hearings, predicate="dwithin", distance=site_radius)
        within_venues = venue_tree.query(hearings, predicate="dwithin", distance=venue_radius)
        elapsed = (time.perf_counter() - start) * 1000
        best = elapsed if best is None else min(best, elapsed)

    (hearing_index, _), distances = nearest_index
    nearest = np.full(len(hearings), np.nan)
    nearest[hearing_index] = distances
    sites_within = np.bincount(within_sites[0], minlength=len(hearings))
    venues_within = np.bincount(within_venues[0], minlength=len(hearings))
    with open(target, "w") as f:
        json.dump({"queryMs": best, "nearest": nearest.tolist(), "sitesWithin": sites_within.tolist(),
                   "venuesWithin": venues_within.tolist(),
                   "version": f"shapely {shapely.__version__}, GEOS {shapely.geos_version_string}"}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
